package io.github.attribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

class Exp2Test {
    @Test
    void exp2_ofWholeNumbersIsExact() {
        assertEquals(1.0, Exp2.exp2(0));
        assertEquals(0.5, Exp2.exp2(-1));
        assertEquals(0x1p-30, Exp2.exp2(-30));
        assertEquals(0x1p-1022, Exp2.exp2(-1022));
    }

    @Test
    void exp2_belowTheNormalRangeOrNaNIsZero() {
        assertEquals(0.0, Exp2.exp2(-1022.5));
        assertEquals(0.0, Exp2.exp2(Double.NEGATIVE_INFINITY));
        assertEquals(0.0, Exp2.exp2(Double.NaN));
    }

    @Test
    void exp2_isWithinFourUlpsOfTheTrueValue() {
        qt().withExamples(20_000).forAll(doubles().between(-1000, 0)).checkAssert(x -> {
            double actual = Exp2.exp2(x);
            // 2^x to 30 digits: exp(x ln 2) by BigDecimal series on the fractional part
            double expected = reference(x);
            assertTrue(
                    Math.abs(actual - expected) <= 4 * Math.ulp(expected),
                    () -> "2^" + x + ": " + actual + " vs " + expected);
        });
    }

    @Test
    void exp2_isMonotoneAcrossTableSteps() {
        double previous = Exp2.exp2(-20);
        for (int i = 1; i <= 20 * 64 * 16; i++) {
            double x = -20 + i / (64.0 * 16);
            double value = Exp2.exp2(x);
            assertTrue(value >= previous, () -> "not monotone at " + x);
            previous = value;
        }
    }

    /** 2^x with 34-digit arithmetic: 2^floor(x) times the Taylor series of e^(f ln 2). */
    private static double reference(double x) {
        MathContext mc = MathContext.DECIMAL128;
        double whole = Math.floor(x);
        BigDecimal f = new BigDecimal(x - whole); // exact
        BigDecimal ln2 = new BigDecimal("0.6931471805599453094172321214581765680755");
        BigDecimal y = f.multiply(ln2, mc);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int k = 1; k < 40; k++) {
            term = term.multiply(y, mc).divide(BigDecimal.valueOf(k), mc);
            sum = sum.add(term, mc);
        }
        return Math.scalb(sum.doubleValue(), (int) whole);
    }
}
