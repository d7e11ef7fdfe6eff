/**
 * Journey assembly: which touches of a {@link io.github.attribution.data.Dataset} each opportunity
 * is credited to, in which order, and where its milestones ({@link
 * io.github.attribution.journey.Anchor}) lie. {@link io.github.attribution.journey.Journeys#build}
 * runs once per dataset and is shared by every model.
 *
 * <p>May depend on {@code data} only.
 */
package io.github.attribution.journey;
