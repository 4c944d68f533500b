#!/usr/bin/env bash
# The standalone-cluster tests (StandaloneClusterTest, off in plain `mvn test`): a Spark master and
# two workers as separate JVMs on 127.0.0.1; a char-LM trained through them, the -Pspark-app jar
# submitted with SparkSubmit (the class bin/spark-submit runs) against them, a classifier that
# finishes after one worker is killed. Builds the application jar and the jar list of a Spark 3.5.7
# installation (Spark's own dependency versions, from Maven Central) first; the cluster's Spark
# home gets those jars, so the submitted jar is all the executors get of the suite.
#   scripts/spark/cluster-tests.sh [extra mvn flags...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
target="$PWD/modules/spark-training/target"
./mvnw -B -q package -DskipTests -Pspark-app -pl modules/spark-training -am
./mvnw -B -q -f modules/spark-training/src/test/spark-distribution/pom.xml dependency:build-classpath \
  -Dmdep.outputFile="$target/spark-distribution.classpath"
./mvnw -B -o test -pl modules/spark-training -am -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='StandaloneClusterTest' -Drnnsuite.spark.cluster=true \
  -Drnnsuite.spark.app.jar="$target/rnn-suite-spark-app.jar" \
  -Drnnsuite.spark.distribution="$target/spark-distribution.classpath" "$@"
