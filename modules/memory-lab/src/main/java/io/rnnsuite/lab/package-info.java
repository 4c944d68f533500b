/**
 * The long-range-memory lab: experiments that show why LSTM exists. The adding problem and the
 * copy-memory task are swept over sequence lengths for SimpleRnn and LSTM ({@link io.rnnsuite.lab.LengthSweep}),
 * and the vanishing / exploding gradient is measured directly ({@link io.rnnsuite.lab.GradientLab}).
 */
package io.rnnsuite.lab;
