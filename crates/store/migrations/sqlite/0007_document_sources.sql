-- Where a text was fetched from (an official address), when it was.
ALTER TABLE documents ADD COLUMN source_url TEXT;
