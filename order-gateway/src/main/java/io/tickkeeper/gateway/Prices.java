package io.tickkeeper.gateway;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Fixed-point prices of 2 decimals ({@code 101.25} is {@code 10125}) and whole quantities, to and from FIX text. */
public final class Prices
{
    /** Returned by the parsers for text that is not an allowed value. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final int DECIMALS = 2;
    private static final int AVERAGE_SCALE = 6;

    private Prices()
    {
    }

    /**
     * @param text a FIX Price value.
     * @return the price in cents, or {@link #INVALID} when it is not a positive whole number of cents.
     */
    public static long parseCents(final String text)
    {
        final BigDecimal value = decimal(text);
        if (value == null || value.signum() <= 0 || value.stripTrailingZeros().scale() > DECIMALS)
        {
            return INVALID;
        }
        try
        {
            return value.movePointRight(DECIMALS).longValueExact();
        }
        catch (final ArithmeticException ex)
        {
            return INVALID;
        }
    }

    /**
     * @param text a FIX Qty value.
     * @return the quantity, or {@link #INVALID} when it is not a positive whole number.
     */
    public static long parseQuantity(final String text)
    {
        final BigDecimal value = decimal(text);
        if (value == null || value.signum() <= 0 || value.stripTrailingZeros().scale() > 0)
        {
            return INVALID;
        }
        try
        {
            return value.longValueExact();
        }
        catch (final ArithmeticException ex)
        {
            return INVALID;
        }
    }

    /**
     * @param cents a price in cents.
     * @return it as a FIX decimal.
     */
    public static BigDecimal fromCents(final long cents)
    {
        return BigDecimal.valueOf(cents, DECIMALS);
    }

    /**
     * @param notionalCents sum of price in cents times quantity of the fills.
     * @param quantity      sum of the fills' quantities.
     * @return the average price as a FIX decimal (at most 6 decimals), 0 without fills.
     */
    public static BigDecimal average(final long notionalCents, final long quantity)
    {
        if (quantity <= 0)
        {
            return BigDecimal.ZERO;
        }
        final BigDecimal average = BigDecimal.valueOf(notionalCents)
            .divide(BigDecimal.valueOf(quantity), AVERAGE_SCALE - DECIMALS, RoundingMode.HALF_EVEN)
            .movePointLeft(DECIMALS)
            .stripTrailingZeros();
        return average.scale() < 0 ? average.setScale(0) : average;
    }

    private static BigDecimal decimal(final String text)
    {
        if (text == null || text.isEmpty() || text.length() > 32)
        {
            return null;
        }
        try
        {
            return new BigDecimal(text);
        }
        catch (final NumberFormatException ex)
        {
            return null;
        }
    }
}
