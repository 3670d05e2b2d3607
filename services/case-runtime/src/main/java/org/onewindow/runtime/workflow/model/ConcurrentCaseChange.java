package org.onewindow.runtime.workflow.model;

/**
 * The engine changed the same case at the same moment (a job ran while a person acted); the
 * transaction rolled back and may simply be tried again.
 */
public class ConcurrentCaseChange extends RuntimeException {
    public ConcurrentCaseChange(String message, Throwable cause) {
        super(message, cause);
    }
}
