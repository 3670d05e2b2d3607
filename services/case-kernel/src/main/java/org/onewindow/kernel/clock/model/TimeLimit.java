package org.onewindow.kernel.clock.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A time limit as the catalogue states it: an amount in a unit ({@code 0.5 WORKING_DAYS}, {@code 2
 * WORKING_HOURS}, {@code 20 WORKING_DAYS}). Natural days and months are whole numbers; {@link
 * LimitUnit#IMMEDIATE} has no amount.
 */
public record TimeLimit(BigDecimal amount, LimitUnit unit) implements Comparable<TimeLimit> {

    public TimeLimit {
        Objects.requireNonNull(unit, "unit");
        if (unit == LimitUnit.IMMEDIATE) {
            amount = BigDecimal.ZERO;
        } else {
            Objects.requireNonNull(amount, "amount");
            if (amount.signum() <= 0) {
                throw new IllegalArgumentException("a time limit must be positive, was " + amount.toPlainString());
            }
            if ((unit == LimitUnit.NATURAL_DAYS || unit == LimitUnit.MONTHS)
                    && amount.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException(unit + " must be a whole number, was " + amount.toPlainString());
            }
        }
    }

    public static TimeLimit immediate() {
        return new TimeLimit(BigDecimal.ZERO, LimitUnit.IMMEDIATE);
    }

    public static TimeLimit workingDays(String amount) {
        return new TimeLimit(new BigDecimal(amount), LimitUnit.WORKING_DAYS);
    }

    public static TimeLimit workingDays(long amount) {
        return new TimeLimit(BigDecimal.valueOf(amount), LimitUnit.WORKING_DAYS);
    }

    public static TimeLimit workingHours(long amount) {
        return new TimeLimit(BigDecimal.valueOf(amount), LimitUnit.WORKING_HOURS);
    }

    public static TimeLimit naturalDays(long amount) {
        return new TimeLimit(BigDecimal.valueOf(amount), LimitUnit.NATURAL_DAYS);
    }

    public static TimeLimit months(long amount) {
        return new TimeLimit(BigDecimal.valueOf(amount), LimitUnit.MONTHS);
    }

    /** This limit plus another in the same unit (an extension, 延期). */
    public TimeLimit plus(TimeLimit other) {
        if (other.unit != unit) {
            throw new IllegalArgumentException("cannot add " + other.unit + " to " + unit);
        }
        return new TimeLimit(amount.add(other.amount), unit);
    }

    @Override
    public int compareTo(TimeLimit other) {
        if (other.unit != unit) {
            throw new IllegalArgumentException("cannot compare " + other.unit + " with " + unit);
        }
        return amount.compareTo(other.amount);
    }

    @Override
    public String toString() {
        return unit == LimitUnit.IMMEDIATE
                ? "IMMEDIATE"
                : amount.stripTrailingZeros().toPlainString() + " " + unit;
    }
}
