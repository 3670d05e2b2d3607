package org.onewindow.gateway.routing;

/** The two fields of an application the front door routes by; the owning service reads the rest. */
record ApplicationHead(String jurisdiction, String matterCode) {}
