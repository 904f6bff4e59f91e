# The version of sysbuild, as in the top pom.xml (a test checks that they agree).
"0.1.0-SNAPSHOT"
