#!/bin/sh
# The node stand-in's entry point, as the official image's: a first argument that is an option, or
# not a command, is given to node.
set -e
if [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ] || { [ -f "${1}" ] && ! [ -x "${1}" ]; }; then
  set -- node "$@"
fi
exec "$@"
