package org.onewindow.propertyregistration.registration.model;

import java.time.LocalDate;

/**
 * 不动产登记证明号: 鲁（年份）辖区不动产证明第 N 号, where N is the case number's sequence, so the
 * number is unique per jurisdiction and year and the same on every retry.
 */
public final class CertificationNumber {

    private CertificationNumber() {}

    public static String of(String jurisdiction, LocalDate on, String caseNumber) {
        // FC-PR-20261202-000123-X: the sequence is the fourth part
        String[] parts = caseNumber.split("-");
        String sequence = parts.length > 3 ? parts[3] : caseNumber;
        return "鲁（" + on.getYear() + "）" + jurisdiction + "不动产证明第" + sequence + "号";
    }
}
