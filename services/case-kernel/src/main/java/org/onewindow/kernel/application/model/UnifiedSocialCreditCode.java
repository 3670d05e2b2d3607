package org.onewindow.kernel.application.model;

import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, S, V, Z);
 * the last is a check character over the first 17, weighted by powers of 3 modulo 31.
 */
public final class UnifiedSocialCreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private UnifiedSocialCreditCode() {}

    /** Why a code is not valid, in English; empty when it is. */
    public static Optional<String> defect(String code) {
        if (code == null || code.length() != 18) {
            return Optional.of("a unified social credit code has 18 characters");
        }
        int sum = 0;
        for (int i = 0; i < 18; i++) {
            int value = ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                return Optional.of("character " + (i + 1) + " ('" + code.charAt(i) + "') is not allowed");
            }
            if (i < 17) {
                sum += value * WEIGHTS[i];
            }
        }
        int check = (31 - sum % 31) % 31;
        if (ALPHABET.charAt(check) != code.charAt(17)) {
            return Optional.of("the check character does not match: the code was mistyped");
        }
        return Optional.empty();
    }

    public static boolean isValid(String code) {
        return defect(code).isEmpty();
    }
}
