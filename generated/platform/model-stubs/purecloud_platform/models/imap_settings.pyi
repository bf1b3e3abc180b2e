from .imap import ImapSettings as ImapSettings
