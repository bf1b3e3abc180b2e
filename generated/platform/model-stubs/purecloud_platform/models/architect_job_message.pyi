from .architect import ArchitectJobMessage as ArchitectJobMessage
