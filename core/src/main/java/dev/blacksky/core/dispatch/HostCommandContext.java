package dev.blacksky.core.dispatch;

import dev.blacksky.api.command.Arguments;
import dev.blacksky.api.command.CommandContext;
import dev.blacksky.api.message.ChatId;
import dev.blacksky.api.message.Message;
import dev.blacksky.api.message.Messenger;
import dev.blacksky.api.message.OutgoingMessage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The context a command gets; revoked once its call timed out, so no late reply confuses the user. */
final class HostCommandContext implements CommandContext {

    private final Message message;
    private volatile Arguments args; // bound on the plugin's thread, inside its deadline
    private final String invokedAs;
    private final String prefix;
    private final boolean senderIsOwner;
    private final boolean senderIsGroupAdmin;
    private final String account;
    private final Messenger messenger;
    private final PluginCalls calls;
    private final Runnable resetCooldown;
    private volatile boolean revoked;

    HostCommandContext(Message message, String invokedAs, String prefix, boolean senderIsOwner,
                       boolean senderIsGroupAdmin, String account, Messenger messenger, PluginCalls calls,
                       Runnable resetCooldown) {
        this.resetCooldown = resetCooldown;
        this.account = account;
        this.message = message;
        this.invokedAs = invokedAs;
        this.prefix = prefix;
        this.senderIsOwner = senderIsOwner;
        this.senderIsGroupAdmin = senderIsGroupAdmin;
        this.messenger = messenger;
        this.calls = calls;
    }

    void bind(Arguments arguments) {
        this.args = arguments;
    }

    void revoke() {
        revoked = true;
    }

    @Override
    public Message message() {
        return message;
    }

    @Override
    public Arguments args() {
        return args;
    }

    @Override
    public String invokedAs() {
        return invokedAs;
    }

    @Override
    public String prefix() {
        return prefix;
    }

    @Override
    public boolean senderIsOwner() {
        return senderIsOwner;
    }

    @Override
    public boolean senderIsGroupAdmin() {
        return senderIsGroupAdmin;
    }

    @Override
    public String account() {
        return account;
    }

    // In a group the answer quotes its question, so that everyone sees whom it answers.
    @Override
    public CompletionStage<String> reply(String text) {
        OutgoingMessage reply = OutgoingMessage.text(text);
        return reply(message.chat().isGroup() ? reply.quoting(message) : reply);
    }

    @Override
    public CompletionStage<String> reply(OutgoingMessage reply) {
        return send(message.chat().id(), reply);
    }

    @Override
    public CompletionStage<String> send(ChatId chat, String text) {
        return send(chat, OutgoingMessage.text(text));
    }

    @Override
    public CompletionStage<String> send(ChatId chat, OutgoingMessage outgoing) {
        if (revoked) {
            return CompletableFuture.failedFuture(timedOut());
        }
        return calls.forPlugin(messenger.send(chat, outgoing));
    }

    @Override
    public void resetCooldown() {
        resetCooldown.run();
    }

    @Override
    public CompletionStage<Void> react(String emoji) {
        if (revoked) {
            return CompletableFuture.failedFuture(timedOut());
        }
        return calls.forPlugin(messenger.react(message, emoji));
    }

    private IllegalStateException timedOut() {
        return new IllegalStateException("this call of " + invokedAs + " timed out and was cancelled; it can no longer send");
    }
}
