package org.onewindow.kernel.catalogue.model;

/** 统一出件: how the result reaches the applicant. */
public enum DeliveryChannel {
    WINDOW,
    POST,
    E_LICENCE
}
