/** The recurrent speech models: network construction, batching, prediction, saving. */
package io.rnnsuite.speech.model;
