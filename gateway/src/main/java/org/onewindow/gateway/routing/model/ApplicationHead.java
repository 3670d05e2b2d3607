package org.onewindow.gateway.routing.model;

/** The two fields of an application the front door routes by; the owning service reads the rest. */
public record ApplicationHead(String jurisdiction, String matterCode) {}
