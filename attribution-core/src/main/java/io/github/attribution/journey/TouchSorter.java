package io.github.attribution.journey;

import io.github.attribution.data.Dataset;

/**
 * Sorts ranges of touch indices into journey order: by time, then by id as {@link String#compareTo}
 * orders it. Ids are compared only when times tie, so the sort runs on primitive longs.
 */
final class TouchSorter {
    private final Dataset data;

    TouchSorter(Dataset data) {
        this.data = data;
    }

    long time(int touch) {
        return data.touchTime(touch);
    }

    int compare(int a, int b) {
        int c = Long.compare(data.touchTime(a), data.touchTime(b));
        return c != 0 ? c : data.touchId(a).compareTo(data.touchId(b));
    }

    /** Sorts {@code a[from..to)}; {@code scratch} must hold at least {@code to - from} ints. */
    void sort(int[] a, int from, int to, int[] scratch) {
        if (to - from < 2) {
            return;
        }
        if (isSorted(a, from, to)) {
            return;
        }
        mergeSort(a, from, to, scratch);
    }

    private boolean isSorted(int[] a, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (compare(a[i - 1], a[i]) > 0) {
                return false;
            }
        }
        return true;
    }

    private void mergeSort(int[] a, int from, int to, int[] scratch) {
        int n = to - from;
        if (n <= 24) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, from, mid, scratch);
        mergeSort(a, mid, to, scratch);
        if (compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, scratch, 0, n);
        int i = 0;
        int iEnd = mid - from;
        int j = iEnd;
        int k = from;
        while (i < iEnd && j < n) {
            a[k++] = compare(scratch[j], scratch[i]) < 0 ? scratch[j++] : scratch[i++];
        }
        while (i < iEnd) {
            a[k++] = scratch[i++];
        }
        while (j < n) {
            a[k++] = scratch[j++];
        }
    }
}
