from .disconnect import DisconnectReason as DisconnectReason
