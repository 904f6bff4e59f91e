/**
 * Activation: moving the live system under a root onto a generation's toplevel. {@link
 * dev.sysbuild.generations.activation.Activator} runs the steps (service stops, {@code /etc/static},
 * managed {@code /etc} entries, users and groups, home directories, the service plan,
 * {@code current-system}); each step is idempotent and written ahead in a manifest, so re-running
 * after a crash at any step converges, and a failure restores the previous generation's state.
 */
package dev.sysbuild.generations.activation;
