from .action import ActionCertificate as ActionCertificate
