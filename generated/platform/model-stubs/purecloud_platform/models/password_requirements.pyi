from .password import PasswordRequirements as PasswordRequirements
