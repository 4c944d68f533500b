/**
 * Command-line plumbing shared by every app's picocli commands: option mixins whose help shows
 * each default, and the error handlers that turn a user's mistake into one line and exit code 2.
 */
package io.rnnsuite.common.cli;
