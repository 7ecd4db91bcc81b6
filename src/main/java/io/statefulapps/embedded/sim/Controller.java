package io.statefulapps.embedded.sim;

/** One simulated control loop: reads the informer caches, writes only what changed. */
interface Controller {

  void reconcile();
}
