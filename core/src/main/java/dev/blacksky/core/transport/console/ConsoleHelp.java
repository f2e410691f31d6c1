package dev.blacksky.core.transport.console;

/** The console's directives, as {@code :help} lists them. */
final class ConsoleHelp {

    static final String TEXT = """
            directives:
              :as <user>              speak as <user> (":as" alone: back to the console user)
              :in <group>             speak in a group chat (you become a member; the bot is its admin)
              :dm                     back to the private chat
              :admin [off]            make the current user an admin of the current group (or not)
              :join <user>            <user> joins the current group (listeners hear it)
              :leave <user>           <user> leaves the current group
              :promote <user>         make <user> an admin (:demote blacksky takes the bot's own rights)
              :demote <user>          make <user> an ordinary member
              :subject <text>         rename the current group
              :members                list the current group's members and admins
              :image <file> [caption] send an image; also :video, :audio, :voice, :doc and :sticker
              :location <lat> <lon> [name]   share a location
              :contact <name>         share a contact card
              :reply <n> <text>       reply quoting your n-th message line
              :vote <n>...            vote on the last poll the bot sent here (option numbers)""";

    private ConsoleHelp() {
    }
}
