package io.github.attribution.internal;

import io.github.attribution.data.Dataset;
import io.github.attribution.data.TouchType;
import java.util.Objects;

/**
 * The file readers' and writers' way into {@link Dataset} and its builder, past the public API: adding
 * rows whose values the reader has numbered itself, by their bytes, without a {@code String} per row.
 * {@code Dataset} installs the one implementation when its class is initialised; this package is not
 * exported, so none of it is API.
 */
public final class DatasetAccess {
    private static volatile Hooks hooks;

    private DatasetAccess() {}

    /** A dictionary field of touchpoints, for {@link Hooks#intern}. */
    public enum TouchField {
        /** {@code account_id}. */
        ACCOUNT,
        /** {@code person_id}. */
        PERSON,
        /** {@code channel}. */
        CHANNEL,
        /** {@code source}. */
        SOURCE,
        /** {@code campaign}. */
        CAMPAIGN,
        /** {@code offer}. */
        OFFER
    }

    /** What {@code Dataset} lets the readers and writers do; each method documents its contract. */
    public interface Hooks {
        /**
         * The id {@code into}'s dataset gives {@code value} of {@code field}, numbering it now when it
         * is new. Ids are dense and in order of first appearance, as with the builder's {@code
         * addTouchpoint}. No check is made: the caller passes a non-blank account, person and channel,
         * and any source, campaign or offer ({@code ""} when unknown).
         */
        int intern(Dataset.Builder into, TouchField field, String value);

        /** Whether {@code builder} keeps touches' people (see {@code Dataset.Builder.withoutTouchPersons}). */
        boolean keepsTouchPersons(Dataset.Builder builder);

        /** As {@link #intern(Dataset.Builder, TouchField, String)} of the Latin-1 text of {@code b[from .. to)}. */
        int intern(Dataset.Builder into, TouchField field, byte[] b, int from, int to);

        /**
         * Appends {@code count} touchpoints given as columns: dictionary fields are ids from {@link
         * #intern} ({@code person} -1 when unknown), row {@code r}'s id is the ASCII bytes {@code
         * ids[idEnd[r - 1] .. idEnd[r])} (from 0 for the first; non-blank, not checked). Repeated ids
         * are found by {@link #distinctTouchIds} once every row is in. Only for a builder whose touches
         * all come this way.
         *
         * @param time nanoseconds since the epoch
         * @param type {@link TouchType} ordinals
         */
        void appendTouches(
                Dataset.Builder into,
                int count,
                int[] account,
                int[] person,
                long[] time,
                int[] channel,
                int[] source,
                int[] campaign,
                int[] offer,
                byte[] type,
                byte[] ids,
                int[] idEnd);

        /**
         * After {@link #appendTouches}: whether every touchpoint id of {@code builder} is distinct,
         * checked on up to {@code threads} threads.
         */
        boolean distinctTouchIds(Dataset.Builder builder, int threads);

        /**
         * Discards everything added to {@code builder}, leaving it as {@link Dataset#builder()}
         * returns it (for a reader that gives up part-way and reads the file again by another route).
         */
        void reset(Dataset.Builder builder);

        /**
         * A hint: about {@code count} touchpoints will be added in all, so the columns are sized for
         * them at once. Never shrinks; columns with a little slack are kept as they are when the
         * dataset is built (the accessors check indices against the count).
         */
        void expectTouchpoints(Dataset.Builder builder, int count);

        /**
         * Copies the id of touch {@code touch} into {@code dst} at {@code at} as bytes when they are its
         * CSV field as is: plain ASCII without a comma, quote, CR or LF.
         *
         * @return the number of bytes copied, or -1 when the id has other characters, any control
         *     character or {@code dst} lacks room (use {@link Dataset#touchId} then)
         */
        int copyTouchIdCsv(Dataset data, int touch, byte[] dst, int at);
    }

    /** Called once, by {@code Dataset}'s class initialiser. */
    public static void install(Hooks h) {
        Objects.requireNonNull(h, "hooks must not be null");
        if (hooks != null) {
            throw new IllegalStateException("dataset hooks are installed already");
        }
        hooks = h;
    }

    /** The hooks, initialising {@code Dataset} first when needed. */
    public static Hooks hooks() {
        Hooks h = hooks;
        if (h == null) {
            try {
                Class.forName(Dataset.class.getName(), true, Dataset.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
            h = hooks;
        }
        return h;
    }
}
