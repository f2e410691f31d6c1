package dev.blacksky.core.dispatch;

/**
 * Admission, outcome bookkeeping and the class loader of a plugin; each admitted call gets one {@link #record}
 * and, when its thread leaves the plugin's code (maybe never), one {@link #free}.
 */
public interface PluginGate {

    /** The host's own commands: always admitted, nothing recorded. */
    PluginGate HOST = new PluginGate() {
        @Override
        public Admission admit() {
            return Admission.ADMITTED;
        }

        @Override
        public void record(Outcome outcome) {
        }

        @Override
        public void free() {
        }

        @Override
        public ClassLoader classLoader() {
            return null;
        }
    };

    /** Whether a call may run; a refusal says why, in words for the user. */
    sealed interface Admission permits Admitted, Refused, Retired {
        Admission ADMITTED = new Admitted();
        Admission RETIRED = new Retired();
    }

    /** This version of the plugin is being unloaded; a newer one may serve the same command. */
    record Retired() implements Admission {
    }

    record Admitted() implements Admission {
    }

    record Refused(String reason) implements Admission {
    }

    /** How an admitted call ended. */
    enum Outcome {
        /** Returned normally. */
        SUCCESS,
        /** Refused the user on purpose (CommandException, a bad argument): not the plugin's fault. */
        USER_ERROR,
        /** Threw something unexpected. */
        FAILURE,
        /** Ran past its deadline and was abandoned. */
        TIMEOUT
    }

    /** Asks to run one call; may wait briefly for a free slot. */
    Admission admit();

    /** Records how an admitted call ended, for the circuit breaker. */
    void record(Outcome outcome);

    /** An admitted call's thread left the plugin's code: its slot is free again. */
    void free();

    /** The class loader to set as the thread's context loader during calls, or null to leave it alone. */
    ClassLoader classLoader();
}
