from .program import ProgramTopicLinksJob as ProgramTopicLinksJob
