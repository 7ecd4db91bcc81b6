/**
 * The use cases: what POST ({@code AppCreation}), GET ({@code AppViews}, {@code AppCatalog}),
 * PATCH ({@code AppPatches}) and DELETE ({@code AppRemoval}) do, each composing the pure core
 * ({@code spec}, {@code render}, {@code health}, {@code live}) with the Kubernetes I/O of
 * {@code cluster}; {@code SpecIntake} turns request bytes into a spec that breaks no rule. The
 * answers they return ({@code AppView}, {@code AppList}, …) are the contract's records.
 *
 * <p>May import: the pure core, {@code cluster}, {@code problem}, {@code config}. Imported by
 * {@code api}.
 */
package io.statefulapps.app;
