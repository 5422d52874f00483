package io.tickkeeper.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class PricesTest
{
    @ParameterizedTest
    @CsvSource(value = {
        "101.25, 10125", "101.2, 10120", "101, 10100", "0.01, 1", "101.250000, 10125", "101.251, INVALID",
        "0, INVALID", "-1, INVALID", "0.001, INVALID", "abc, INVALID", "'', INVALID", "99999999999999999999, INVALID"})
    void shouldParseWholeCents(final String text, final String expected)
    {
        assertEquals(expected.equals("INVALID") ? Prices.INVALID : Long.parseLong(expected), Prices.parseCents(text));
    }

    @ParameterizedTest
    @CsvSource(value = {"10, 10", "10.0, 10", "1, 1", "1.5, INVALID", "0, INVALID", "-2, INVALID", "x, INVALID"})
    void shouldParseWholeQuantities(final String text, final String expected)
    {
        assertEquals(expected.equals("INVALID") ? Prices.INVALID : Long.parseLong(expected),
            Prices.parseQuantity(text));
    }

    @Test
    void shouldFormatCentsAndAverages()
    {
        assertEquals(new BigDecimal("101.25"), Prices.fromCents(10_125));
        assertEquals(new BigDecimal("100.5"), Prices.average(10_050 * 4L, 4));
        assertEquals(new BigDecimal("100"), Prices.average(10_000 * 3L, 3));
        assertEquals(new BigDecimal("0.333333"), Prices.average(100, 3));
        assertEquals(BigDecimal.ZERO, Prices.average(0, 0));
    }

    @Test
    void shouldKnowOnlyConfiguredSymbols()
    {
        final Symbols symbols = Symbols.firstN(8);
        assertEquals(1, symbols.instrumentId("TK1"));
        assertEquals(8, symbols.instrumentId("TK8"));
        assertEquals(Symbols.UNKNOWN, symbols.instrumentId("TK9"));
        assertEquals(Symbols.UNKNOWN, symbols.instrumentId("tk1"));
        assertEquals(Symbols.UNKNOWN, symbols.instrumentId("TK-1"));
        assertEquals(Symbols.UNKNOWN, symbols.instrumentId(null));
        assertEquals("TK4", Symbols.symbol(4));
    }
}
