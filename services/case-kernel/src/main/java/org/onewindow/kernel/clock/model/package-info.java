/**
 * The statutory clock (法定时限计算): working calendars, office hours and the legal rules that turn a
 * time limit into a due instant. Plain Java; see {@code docs/clock.md} for the legal basis of each
 * rule.
 */
package org.onewindow.kernel.clock.model;
