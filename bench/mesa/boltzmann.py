"""GbaSim's Boltzmann exchange written for Mesa, to time Mesa beside gbasim-bench.

Each step every agent with a coin gives one to an agent drawn at random; agents act in a fixed
order (Mesa's AgentSet.do), as GbaSim's shards turn actors in identity order. GbaSim's coins
arrive a step later, as messages do; here they arrive at once, which only makes Mesa's work lighter.
Prints one JSON line, as gbasim-bench does.

    python3 bench/mesa/boltzmann.py --agents 10000 --steps 100
"""

import argparse
import json
import resource
import time

import mesa


class MoneyAgent(mesa.Agent):
    """An agent holding coins, giving one away each step while it has any."""

    def __init__(self, model):
        super().__init__(model)
        self.wealth = 1

    def step(self):
        if self.wealth > 0:
            other = self.model.everyone[self.random.randrange(self.model.count)]
            other.wealth += 1
            self.wealth -= 1


class BoltzmannExchange(mesa.Model):
    def __init__(self, agents, seed):
        super().__init__(seed=seed)
        MoneyAgent.create_agents(self, agents)
        self.everyone = list(self.agents)
        self.count = agents

    def step(self):
        self.agents.do("step")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agents", type=int, default=10_000)
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--seed", type=int, default=42)
    options = parser.parse_args()

    model = BoltzmannExchange(options.agents, options.seed)
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(options.steps):
        model.step()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    agent_steps = options.agents * options.steps
    print(json.dumps({
        "benchmark": "boltzmann-mesa",
        "mesa": mesa.__version__,
        "agents": options.agents,
        "steps": options.steps,
        "seconds": round(wall, 3),
        "cpuSeconds": round(cpu, 3),
        "agentStepsPerSecond": round(agent_steps / wall),
        "agentStepsPerCpuSecond": round(agent_steps / cpu),
        "coins": sum(a.wealth for a in model.everyone),
        "peakWorkingSetMb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }))


if __name__ == "__main__":
    main()
