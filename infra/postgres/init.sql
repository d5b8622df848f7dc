-- First-start initialisation of the compose PostgreSQL (run once, by the postgres image's entrypoint,
-- from /docker-entrypoint-initdb.d, as POSTGRES_USER against an empty data directory).
--
-- One login role `ecolink` owns one database per service: each service has its own schema history
-- (Alembic), its own audit chain and its own copy of the agency directory, and never reads another
-- service's tables. The role's password comes from the container's ECOLINK_DB_PASSWORD, the same value
-- the services put in their *_DATABASE_URL (psql 15's \getenv keeps it out of this file).

\set ON_ERROR_STOP on

\getenv ecolink_password ECOLINK_DB_PASSWORD
\if :{?ecolink_password}
\else
  DO $$ BEGIN RAISE EXCEPTION 'ECOLINK_DB_PASSWORD is not set in the postgres container'; END $$;
\endif

CREATE ROLE ecolink WITH LOGIN PASSWORD :'ecolink_password';

-- CREATE DATABASE cannot run in a transaction block; psql sends each statement on its own.
CREATE DATABASE ecolink_alerts OWNER ecolink;
CREATE DATABASE ecolink_cases OWNER ecolink;
CREATE DATABASE ecolink_referrals OWNER ecolink;
CREATE DATABASE ecolink_evidence OWNER ecolink;

-- Only the owner (and superusers) may connect to a service database.
REVOKE CONNECT, TEMPORARY ON DATABASE ecolink_alerts FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE ecolink_cases FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE ecolink_referrals FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE ecolink_evidence FROM PUBLIC;
