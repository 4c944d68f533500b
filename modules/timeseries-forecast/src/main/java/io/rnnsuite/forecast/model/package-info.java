/** Forecasters (the recurrent network and the baselines) and the evaluation they all share. */
package io.rnnsuite.forecast.model;
