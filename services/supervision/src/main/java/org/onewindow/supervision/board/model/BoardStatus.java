package org.onewindow.supervision.board.model;

/** Where a case stands for the board: in progress, or how it ended. */
public enum BoardStatus {
    IN_PROGRESS,
    APPROVED,
    DENIED,
    DELIVERED,
    WITHDRAWN
}
