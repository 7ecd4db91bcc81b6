package io.statefulapps.embedded.sim;

/** One simulated control loop: reads the informer informers, writes only what changed. */
interface Controller {

    void reconcile();
}
