from .default import DefaultGreetingList as DefaultGreetingList
