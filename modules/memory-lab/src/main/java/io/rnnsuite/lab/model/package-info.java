/** Measuring what a recurrent network learned and how gradients flow through it. */
package io.rnnsuite.lab.model;
