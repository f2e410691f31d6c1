-- Nodes of a Blacksky cluster and the lease each account is run under. All times are the database's clock.

CREATE TABLE blacksky_nodes (
  node_id    TEXT PRIMARY KEY,
  host       TEXT NOT NULL,
  pid        BIGINT NOT NULL,
  started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  seen_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  stopped_at TIMESTAMPTZ
);

-- One row per account. owner is the node running it (NULL when free); every acquisition raises epoch, the
-- fencing token every write for the account carries. move_to is an operator's request to hand it to a node.
CREATE TABLE blacksky_leases (
  account     TEXT PRIMARY KEY,
  owner       TEXT,
  epoch       BIGINT NOT NULL DEFAULT 0,
  acquired_at TIMESTAMPTZ,
  renewed_at  TIMESTAMPTZ,
  expires_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  move_to     TEXT
);

-- An account's data (its session among it). Each row names the epoch it was written under.
CREATE TABLE blacksky_account_data (
  account    TEXT NOT NULL REFERENCES blacksky_leases (account),
  key        TEXT NOT NULL,
  value      BYTEA NOT NULL,
  epoch      BIGINT NOT NULL,
  written_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (account, key)
);

-- The fence: the database itself refuses a write whose epoch is not the account's current, live lease. The
-- lease row is read FOR SHARE, so a takeover waits for a write in progress and a write after it sees the new epoch.
CREATE FUNCTION blacksky_fence() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  lease blacksky_leases%ROWTYPE;
BEGIN
  SELECT * INTO lease FROM blacksky_leases WHERE account = NEW.account FOR SHARE;
  IF NOT FOUND OR lease.owner IS NULL OR NEW.epoch <> lease.epoch OR lease.expires_at <= clock_timestamp() THEN
    RAISE EXCEPTION 'stale epoch % for account ''%'': the lease is at epoch % (owner %, expires %)',
      NEW.epoch, NEW.account, COALESCE(lease.epoch, 0), COALESCE(lease.owner, 'none'), lease.expires_at
      USING ERRCODE = 'BF409';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER blacksky_account_data_fence BEFORE INSERT OR UPDATE ON blacksky_account_data
  FOR EACH ROW EXECUTE FUNCTION blacksky_fence();
