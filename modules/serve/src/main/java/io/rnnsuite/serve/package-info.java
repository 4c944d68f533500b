/**
 * {@code rnn-suite serve}: a local web playground and JSON API over every app's saved model
 * directories and the reports, on the JDK's {@code com.sun.net.httpserver}. Each model answers
 * under one lock (DL4J networks keep per-call state); a bounded worker pool serves requests.
 */
package io.rnnsuite.serve;
