#!/usr/bin/env bash
# The postgres stand-in's entry point, after the official image's: on first start it creates the
# cluster in $PGDATA with the superuser POSTGRES_USER (postgres) and password POSTGRES_PASSWORD,
# creates POSTGRES_DB, runs /docker-entrypoint-initdb.d/*.sql and *.sh, then starts the server as
# the postgres user, accepting password logins from other containers.
set -Eeo pipefail
if [ "${1:0:1}" = '-' ]; then
	set -- postgres "$@"
fi
export POSTGRES_USER="${POSTGRES_USER:-postgres}"
export POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"

if [ "$1" = 'postgres' ] && [ "$(id -u)" = '0' ]; then
	mkdir -p "$PGDATA" /var/run/postgresql
	chown -R postgres:postgres "$PGDATA" /var/run/postgresql
	chmod 00700 "$PGDATA"
	exec setpriv --reuid=postgres --regid=postgres --init-groups "$BASH_SOURCE" "$@"
fi

psql_run() {
	psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc "$@"
}

if [ "$1" = 'postgres' ]; then
	if [ -s "$PGDATA/PG_VERSION" ]; then
		printf '\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n'
	else
		if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "${POSTGRES_HOST_AUTH_METHOD:-}" != 'trust' ]; then
			cat >&2 <<-'EOE'
				Error: Database is uninitialized and superuser password is not specified.
				       You must specify POSTGRES_PASSWORD to a non-empty value for the
				       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

				       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
				       connections without a password. This is *not* recommended.

				       See PostgreSQL documentation about "trust":
				       https://www.postgresql.org/docs/current/auth-trust.html
			EOE
			exit 1
		fi
		initdb --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "${POSTGRES_PASSWORD:-}") ${POSTGRES_INITDB_ARGS:-}
		printf "listen_addresses = '*'\n" >> "$PGDATA/postgresql.conf"
		printf '\nhost all all all %s\n' "${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}" >> "$PGDATA/pg_hba.conf"
		PGUSER="$POSTGRES_USER" pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p 5432" -w start
		if [ "$POSTGRES_DB" != 'postgres' ]; then
			psql_run --dbname postgres --set db="$POSTGRES_DB" <<-'EOSQL'
				CREATE DATABASE :"db" ;
			EOSQL
		fi
		for f in /docker-entrypoint-initdb.d/*; do
			case "$f" in
				*.sh) echo "$0: running $f"; . "$f" ;;
				*.sql) echo "$0: running $f"; psql_run --dbname "$POSTGRES_DB" -f "$f" ;;
				*) [ -e "$f" ] && echo "$0: ignoring $f" ;;
			esac
		done
		pg_ctl -D "$PGDATA" -m fast -w stop
		printf '\nPostgreSQL init process complete; ready for start up.\n\n'
	fi
fi
exec "$@"
