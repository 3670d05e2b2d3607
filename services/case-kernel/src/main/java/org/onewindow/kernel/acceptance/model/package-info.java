/**
 * 一窗受理 acceptance rules as named policies. From a matter, a jurisdiction and what the applicant
 * presents they decide 受理, 容缺受理, 补正 (with one complete list, 一次性告知) or 不予受理 with a
 * reason. The window cannot decide outside these rules (窗口无否决权). Plain Java.
 */
package org.onewindow.kernel.acceptance.model;
