-- How a scan's text was read by OCR (languages, and each page's start
-- and confidence), as JSON; NULL for a text read from its own layer.
ALTER TABLE documents ADD COLUMN ocr TEXT;
