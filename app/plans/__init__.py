"""Individual evacuation plans (個別避難計画): the plan and its supporters, the priority list, the papers."""
