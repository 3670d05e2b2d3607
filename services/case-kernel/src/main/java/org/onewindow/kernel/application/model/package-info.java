/**
 * The one application contract every case service shares (一窗受理): what an applicant or a
 * clerk submits, and the receipt (受理回执) that answers it. Plain Java.
 */
package org.onewindow.kernel.application.model;
