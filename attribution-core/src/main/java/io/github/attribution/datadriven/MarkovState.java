package io.github.attribution.datadriven;

import java.util.List;
import java.util.Objects;

/**
 * A state of a fitted Markov chain: {@code (start)}, {@code (conversion)}, {@code (null)}, or a tuple
 * of up to {@code order} channels, the last ones seen.
 *
 * @param kind which kind of state
 * @param channels the channels of a {@link Kind#CHANNELS} state, oldest first; empty otherwise
 */
public record MarkovState(Kind kind, List<String> channels) {
    /** Where every path begins. */
    public static final MarkovState START = new MarkovState(Kind.START, List.of());
    /** Absorbing: the path converted. */
    public static final MarkovState CONVERSION = new MarkovState(Kind.CONVERSION, List.of());
    /** Absorbing: the path ended without converting. */
    public static final MarkovState NULL = new MarkovState(Kind.NULL, List.of());

    /** The kinds of state. */
    public enum Kind {
        /** {@code (start)} */
        START,
        /** a tuple of channels */
        CHANNELS,
        /** {@code (conversion)} */
        CONVERSION,
        /** {@code (null)} */
        NULL
    }

    /**
     * Checks that channel states have channels and the others none.
     *
     * @throws IllegalArgumentException if not
     */
    public MarkovState {
        Objects.requireNonNull(kind, "kind must not be null");
        channels = List.copyOf(channels);
        if ((kind == Kind.CHANNELS) == channels.isEmpty()) {
            throw new IllegalArgumentException(
                    kind == Kind.CHANNELS ? "a channel state needs channels" : kind + " has no channels: " + channels);
        }
    }

    /** The channel state {@code (channels...)}. */
    public static MarkovState of(String... channels) {
        return new MarkovState(Kind.CHANNELS, List.of(channels));
    }

    /** {@code (start)}, {@code (conversion)}, {@code (null)} or {@code (A,B)}. */
    @Override
    public String toString() {
        return kind == Kind.CHANNELS
                ? "(" + String.join(",", channels) + ")"
                : "(" + kind.name().toLowerCase() + ")";
    }
}
