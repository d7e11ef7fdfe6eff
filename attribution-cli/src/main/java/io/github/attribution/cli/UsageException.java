package io.github.attribution.cli;

/** Bad usage of the command line: an unknown option, a missing or malformed value. Exit code 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
