#!/bin/sh
# The redis stand-in's entry point, after the official image's: the server runs as the redis user,
# and without a configuration file it accepts connections from other containers (protected mode off).
set -e
if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then
  set -- redis-server "$@"
fi
if [ "$1" = 'redis-server' ] && [ "$(id -u)" = '0' ]; then
  find . \! -user redis -exec chown redis '{}' +
  exec setpriv --reuid=redis --regid=redis --init-groups "$0" "$@"
fi
if [ "$1" = 'redis-server' ]; then
  case " $* " in
    *" --protected-mode "*|*.conf*) ;;
    *) set -- "$@" --protected-mode no ;;
  esac
fi
exec "$@"
