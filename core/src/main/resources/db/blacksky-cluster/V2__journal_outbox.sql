-- The inbound journal and the outbox of the accounts a cluster runs, so that the node taking an account over
-- handles what the last owner took in but did not finish, and sends what it had not sent yet. Same columns as a
-- node's own database; epoch is the lease epoch of the write that last changed the row.

CREATE TABLE inbound_messages (
  account       TEXT NOT NULL REFERENCES blacksky_leases (account),
  chat          TEXT NOT NULL,
  sender        TEXT NOT NULL,
  id            TEXT NOT NULL,
  received_at   BIGINT NOT NULL,
  state         INTEGER NOT NULL DEFAULT 0,
  attempts      INTEGER NOT NULL DEFAULT 0,
  chat_type     TEXT NOT NULL,
  chat_name     TEXT NOT NULL,
  sender_name   TEXT NOT NULL,
  text          TEXT NOT NULL,
  sent_at       BIGINT NOT NULL,
  admin         INTEGER NOT NULL,
  quoted_id     TEXT,
  quoted_sender TEXT,
  quoted_text   TEXT,
  mentions      TEXT NOT NULL DEFAULT '',
  seq           BIGINT NOT NULL,
  content       TEXT,
  epoch         BIGINT NOT NULL,
  PRIMARY KEY (account, chat, sender, id)
);
CREATE INDEX inbound_messages_received ON inbound_messages (account, received_at);
CREATE INDEX inbound_messages_pending ON inbound_messages (account, chat, seq) WHERE state = 0;

CREATE TABLE outbound_messages (
  seq        BIGSERIAL PRIMARY KEY,
  account    TEXT NOT NULL REFERENCES blacksky_leases (account),
  id         TEXT NOT NULL UNIQUE,
  chat       TEXT NOT NULL,
  text       TEXT NOT NULL,
  plugin     TEXT NOT NULL,
  reply      INTEGER NOT NULL,
  attempts   INTEGER NOT NULL DEFAULT 0,
  not_before BIGINT NOT NULL,
  dead       INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  extra      TEXT,
  epoch      BIGINT NOT NULL
);
CREATE INDEX outbound_messages_account ON outbound_messages (account, dead, seq);

-- The fence of these tables: every change (insert, update, delete) is made in a transaction that names its epoch
-- (SET LOCAL blacksky.epoch), and is refused unless that epoch is the account's current, live lease. The lease row
-- is read FOR SHARE, so a takeover waits for a write in progress and a write after it sees the new epoch.
CREATE FUNCTION blacksky_fence_account_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_account TEXT;
  claimed     BIGINT;
  lease       blacksky_leases%ROWTYPE;
BEGIN
  row_account := CASE WHEN TG_OP = 'DELETE' THEN OLD.account ELSE NEW.account END;
  claimed := NULLIF(current_setting('blacksky.epoch', true), '')::BIGINT;
  SELECT * INTO lease FROM blacksky_leases WHERE account = row_account FOR SHARE;
  IF claimed IS NULL OR NOT FOUND OR lease.owner IS NULL OR claimed <> lease.epoch
     OR lease.expires_at <= clock_timestamp() THEN
    RAISE EXCEPTION 'stale epoch % for account ''%'': the lease is at epoch % (owner %, expires %)',
      COALESCE(claimed::TEXT, 'none'), row_account, COALESCE(lease.epoch, 0), COALESCE(lease.owner, 'none'),
      lease.expires_at USING ERRCODE = 'BF409';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  NEW.epoch := claimed;
  RETURN NEW;
END;
$$;

CREATE TRIGGER inbound_messages_fence BEFORE INSERT OR UPDATE OR DELETE ON inbound_messages
  FOR EACH ROW EXECUTE FUNCTION blacksky_fence_account_rows();
CREATE TRIGGER outbound_messages_fence BEFORE INSERT OR UPDATE OR DELETE ON outbound_messages
  FOR EACH ROW EXECUTE FUNCTION blacksky_fence_account_rows();
