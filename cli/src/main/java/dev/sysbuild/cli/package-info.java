/** The {@code sysbuild} command line: one picocli class per subcommand; the only module that wires the others. */
package dev.sysbuild.cli;
