/**
 * The matter catalogue (事项目录): per jurisdiction, versioned data naming every matter, its
 * materials, limits, routing thresholds and fees, with the seed source of each value. Plain Java.
 */
package org.onewindow.kernel.catalogue.model;
