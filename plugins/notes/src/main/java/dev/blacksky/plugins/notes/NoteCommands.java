package dev.blacksky.plugins.notes;

import dev.blacksky.api.command.Argument;
import dev.blacksky.api.command.Command;
import dev.blacksky.api.command.CommandContext;
import dev.blacksky.api.command.CommandException;
import dev.blacksky.api.command.CommandProvider;
import dev.blacksky.api.command.CommandSpec;
import jakarta.inject.Inject;
import java.util.List;
import org.pf4j.Extension;

/** {@code !note}, {@code !notes} and {@code !forget}: three small commands sharing one {@link NoteBook}. */
@Extension
public final class NoteCommands implements CommandProvider {

    private static final Argument<String> TEXT = Argument.rest("text", "what to write down");
    private static final Argument<Long> NUMBER = Argument.integer("number", "the note's number, as !notes shows it");

    private final NoteBook book;

    @Inject
    public NoteCommands(NoteBook book) {
        this.book = book;
    }

    @Override
    public List<Command> commands() {
        return List.of(
                Command.of(CommandSpec.named("note").description("Writes down a note for you").category("Notes")
                        .argument(TEXT).example("note buy milk").build(), this::add),
                Command.of(CommandSpec.named("notes").description("Lists your notes").category("Notes").build(), this::list),
                Command.of(CommandSpec.named("forget").description("Deletes one of your notes").category("Notes")
                        .argument(NUMBER).example("forget 2").build(), this::forget));
    }

    private void add(CommandContext ctx) {
        long number = book.add(ctx.sender().id(), ctx.args().get(TEXT));
        ctx.reply("Saved as note " + number + ".");
    }

    private void list(CommandContext ctx) {
        List<String> notes = book.list(ctx.sender().id());
        ctx.reply(notes.isEmpty() ? "You have no notes yet. Add one with " + ctx.prefix() + "note <text>."
                : String.join("\n", notes));
    }

    private void forget(CommandContext ctx) {
        long number = ctx.args().get(NUMBER);
        if (!book.delete(ctx.sender().id(), number)) {
            throw new CommandException("You have no note " + number + ". " + ctx.prefix() + "notes lists them.");
        }
        ctx.reply("Deleted note " + number + ".");
    }
}
