-- Sentence embeddings by model and text hash, so re-clustering the store does not embed a text twice.
CREATE TABLE embeddings (
    text_hash ${text} PRIMARY KEY,     -- SHA-256 prefix of model name and text
    vector    ${blob} NOT NULL         -- little-endian float32 values
);
